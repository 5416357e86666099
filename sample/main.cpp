// m2stage-sample: prints a sample Magento 1.9 CE store as SQL (schema and rows) for the mariadb
// client. `m2stage-sample --scale 1 | mariadb magento1` gives the demo store in seconds.
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "sample/StoreGenerator.hpp"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  using m2stage::sample::GeneratorOptions;
  GeneratorOptions options;
  std::string output;
  po::options_description description("Usage: m2stage-sample [--scale N] [--seed S] [--output FILE]\nOptions");
  description.add_options()("help,h", "show this help")(
      "scale", po::value<std::int64_t>(&options.scale)->default_value(1),
      "store size: 100 N customers and products, 300 N orders (see sample/Plan.hpp)")(
      "seed", po::value<std::uint64_t>(&options.seed)->default_value(1), "same seed, same store, byte for byte")(
      "output,o", po::value<std::string>(&output), "write to FILE instead of standard output")(
      "no-schema", "rows only, without the CREATE TABLE statements");
  try {
    po::variables_map values;
    po::store(po::parse_command_line(argc, argv, description), values);
    po::notify(values);
    if (values.count("help")) {
      std::cout << description << "\n";
      return 0;
    }
    options.withSchema = !values.count("no-schema");
    if (options.scale < 1) throw po::error("--scale must be at least 1");
  } catch (const po::error& error) {
    std::cerr << "m2stage-sample: " << error.what() << "\n";
    return 2;
  }

  try {
    m2stage::sample::StoreGenerator generator(options);
    std::ofstream file;
    if (!output.empty()) {
      file.open(output, std::ios::binary | std::ios::trunc);
      if (!file) throw std::runtime_error(fmt::format("cannot write {}", output));
    }
    std::ostream& out = output.empty() ? std::cout : file;
    std::int64_t rows = generator.writeSql(out);
    if (!out) throw std::runtime_error(fmt::format("writing {} failed", output.empty() ? "standard output" : output));
    std::cerr << fmt::format("m2stage-sample: {} rows (scale {}, seed {}){}\n", rows, options.scale, options.seed,
                             output.empty() ? "" : " in " + output);
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "m2stage-sample: " << error.what() << "\n";
    return 1;
  }
}
