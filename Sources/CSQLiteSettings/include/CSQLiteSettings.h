// Process-wide SQLite settings that the C API takes through the variadic sqlite3_config, which
// Swift cannot call.
#ifndef RISKTIER_CSQLITESETTINGS_H
#define RISKTIER_CSQLITESETTINGS_H

/// Turns off SQLite's memory-usage statistics (SQLITE_CONFIG_MEMSTATUS = 0): with them on, every
/// sqlite3_malloc and sqlite3_free takes a global mutex to keep the counters, for figures the
/// engine never reads. Must run before SQLite is initialised (before the first connection);
/// returns SQLite's result code (SQLITE_MISUSE if it was already initialised: nothing changed).
int risktier_sqlite_disable_memstatus(void);

#endif
