#include <malloc.h>

#include <cstdio>
#include <sqlite3.h>

#include "cmd/Cli.hpp"

int main(int argc, char** argv) {
  // Chunk buffers (megabytes, filled on one thread and freed on another) always come from mmap and
  // go back on free. glibc would otherwise raise its mmap threshold after the first free and keep
  // them in per-thread arenas, so extract's peak memory kept growing with the table.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  // SQLite's sorter (GROUP BY, ORDER BY, index builds) keeps at least 250 pages in memory before it
  // sorts in runs on disk: 16 MiB with the staging file's 64 KiB pages, so a check that groups
  // every staged order (SalesIncrement's duplicates) grew with the table. 32 pages: 2 MiB.
  if (sqlite3_config(SQLITE_CONFIG_PMASZ, 32) != SQLITE_OK) std::fputs("m2stage: SQLite's sorter keeps its default\n", stderr);
  // SQLite's memory statistics take a global mutex on every allocation, which staging rows makes
  // by the million; nothing reads them.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return m2stage::cmd::run(argc, argv);
}
