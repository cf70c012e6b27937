// Who the registry's writes are audited as when nobody typed a name, and the real clock they
// run on. The department's clerk types a name once (经办人, remembered by the window like the
// secretariat's); the default names the office.
import { systemClock } from '../../app/clock';

export const REGISTRY_ACTOR = '省科技厅';

export const registryClock = systemClock;

/** The name typed, or the office's when none was. */
export const actorOf = (typed: string): string => typed.trim() || REGISTRY_ACTOR;
