#include "command.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char **argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    return waymark::cli::run(words, {std::cout, std::cerr});
}
