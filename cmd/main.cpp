#include "cmd/Cli.hpp"

int main(int argc, char** argv) { return m2stage::cmd::run(argc, argv); }
