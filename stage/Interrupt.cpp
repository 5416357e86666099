#include "stage/Interrupt.hpp"

#include <atomic>
#include <csignal>

namespace m2stage::stage {

namespace {
std::atomic<bool> requested{false};
extern "C" void onSignal(int) { requested.store(true); }
}  // namespace

void installInterruptHandlers() {
  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);
}

bool interruptRequested() { return requested.load(); }

void checkInterrupt() {
  if (requested.load()) throw Interrupted();
}

}  // namespace m2stage::stage
