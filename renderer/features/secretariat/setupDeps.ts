// Who the secretariat's set-up writes are audited as, and the real clock and id generator
// they run on.
import { newId, systemClock } from '../../app/clock';

export const SETUP_ACTOR = '秘书处';

export const setupDeps = { now: systemClock.now, newId };
