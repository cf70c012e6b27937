// Every unit test gets a real (in-memory) IndexedDB implementation, not a mock.
import 'fake-indexeddb/auto';
