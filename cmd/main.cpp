#include <malloc.h>

#include "cmd/Cli.hpp"

int main(int argc, char** argv) {
  // Chunk buffers (megabytes, filled on one thread and freed on another) always come from mmap and
  // go back on free. glibc would otherwise raise its mmap threshold after the first free and keep
  // them in per-thread arenas, so extract's peak memory kept growing with the table.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  return m2stage::cmd::run(argc, argv);
}
