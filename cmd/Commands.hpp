// The subcommands. Each returns an exit code; failures are thrown and mapped by Cli.
#pragma once

#include "cmd/Options.hpp"

namespace m2stage::cmd {

int extractCommand(const Options& options);
int transformCommand(const Options& options);
int loadCommand(const Options& options);
int statusCommand(const Options& options);
int schemaCommand(const Options& options);
int deltalogCommand(const Options& options);
int mapCommand(const Options& options);
int deltaExtractCommand(const Options& options);
int deltaTransformCommand(const Options& options);
int deltaLoadCommand(const Options& options);
int findingsCommand(const Options& options);
int auditCommand(const Options& options);
int reportCommand(const Options& options);
int pruneCommand(const Options& options);

}  // namespace m2stage::cmd
