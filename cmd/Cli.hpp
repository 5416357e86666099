// The m2stage command line: parses the subcommand and its options, runs it, and turns every
// failure into one clear line on stderr and a documented exit code (cmd/ExitCode.hpp).
#pragma once

namespace m2stage::cmd {

int run(int argc, char** argv);

}  // namespace m2stage::cmd
