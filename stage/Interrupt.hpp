// Ctrl-C and SIGTERM: the handler only raises a flag; long loops check it between chunks,
// finish or roll back the chunk in hand, and stop with the interrupted exit code.
#pragma once

#include <stdexcept>

namespace m2stage::stage {

class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

void installInterruptHandlers();
bool interruptRequested();
// Throws Interrupted when a signal arrived.
void checkInterrupt();

}  // namespace m2stage::stage
