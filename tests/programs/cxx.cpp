// cxx.cpp: a C++ program, libstdc++ linked statically: std::string, std::vector, std::map,
// algorithms, iostream output with std::endl, static constructors and destructors (a global
// object's constructor runs before main, its destructor at exit). No exception is thrown: that
// needs the structured exception handling of a later change.
// Expected: ISO C++17 ([basic.start.static], [basic.start.term], [string.classes],
// [sequences], [ostream]); through msvcrt's stdout in text mode, "\n" is written "\r\n"
// (https://learn.microsoft.com/en-us/cpp/c-runtime-library/text-and-binary-mode-file-i-o).
// Checked with Wine 8.0.
#include <algorithm>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

struct Global {
    Global() { std::cout << "global constructor" << std::endl; }
    ~Global() { std::cout << "global destructor" << std::endl; }
};
static Global global;

int main()
{
    std::vector<std::string> words = { "pear", "apple", "fig", "banana" };
    std::sort(words.begin(), words.end());
    std::string joined;
    for (const auto &w : words)
        joined += (joined.empty() ? "" : ",") + w;
    std::cout << "sorted: " << joined << std::endl;

    std::vector<int> v(10);
    std::iota(v.begin(), v.end(), 1);
    std::cout << "sum 1..10 = " << std::accumulate(v.begin(), v.end(), 0) << std::endl;
    v.erase(std::remove_if(v.begin(), v.end(), [](int x) { return x % 2; }), v.end());
    std::cout << "evens:";
    for (int x : v)
        std::cout << ' ' << x;
    std::cout << std::endl;

    std::map<std::string, int> count;
    for (char c : std::string("mississippi"))
        count[std::string(1, c)]++;
    for (const auto &kv : count)
        std::cout << kv.first << '=' << kv.second << ' ';
    std::cout << std::endl;

    std::ostringstream out;
    out << "pi ~ " << 3.25 << ", hex " << std::hex << 255 << std::dec << ", long string of "
        << std::string(40, 'x').size() << " chars";
    std::cout << out.str() << std::endl;
    std::string s = "Hello, World";
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    std::cout << s << " (" << s.find("WORLD") << ")" << std::endl;
    return 5;
}
