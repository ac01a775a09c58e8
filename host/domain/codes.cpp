#include "domain/codes.hpp"

#include <algorithm>
#include <array>

namespace waymark::domain {

namespace {

constexpr std::array ethnicities{
    ethnicity_code{"WBRI", "White - British", "WBRI"},
    ethnicity_code{"WIRI", "White - Irish", "WIRI"},
    ethnicity_code{"WIRT", "Traveller of Irish heritage", "WIRT"},
    ethnicity_code{"WOTH", "Any other White background", "WOTH"},
    ethnicity_code{"WROM", "Gypsy / Roma", "WROM"},
    ethnicity_code{"MWBC", "White and Black Caribbean", "MWBC"},
    ethnicity_code{"MWBA", "White and Black African", "MWBA"},
    ethnicity_code{"MWAS", "White and Asian", "MWAS"},
    ethnicity_code{"MOTH", "Any other mixed background", "MOTH"},
    ethnicity_code{"AIND", "Indian", "AIND"},
    ethnicity_code{"APKN", "Pakistani", "APKN"},
    ethnicity_code{"ABAN", "Bangladeshi", "ABAN"},
    ethnicity_code{"AOTH", "Any other Asian background", "AOTH"},
    ethnicity_code{"BCRB", "Black Caribbean", "BCRB"},
    ethnicity_code{"BAFR", "Black - African", "BAFR"},
    ethnicity_code{"BOTH", "Any other Black background", "BOTH"},
    ethnicity_code{"CHNE", "Chinese", "CHNE"},
    ethnicity_code{"OOTH", "Any other ethnic group", "OOTH"},
    ethnicity_code{"REFU", "Refused", "REFU"},
    ethnicity_code{"NOBT", "Information not yet obtained", "NOBT"},
    // Extended codes listed in the appendix of the seed tracker's guide (seed 000).
    ethnicity_code{"WENG", "White English", "WBRI"},
    ethnicity_code{"WSCO", "White Scottish", "WBRI"},
    ethnicity_code{"WTUR", "Turkish / Turkish Cypriot", "WOTH"},
    ethnicity_code{"MWAP", "Mixed White and Pakistani", "MWAS"},
    ethnicity_code{"AOPK", "Other Pakistani", "APKN"},
    ethnicity_code{"AOTA", "Other Asian", "AOTH"},
    ethnicity_code{"BAOF", "Other Black African", "BAFR"},
};

constexpr std::array sens{
    code_label{"N", "No special educational need"},
    code_label{"K", "SEN support"},
    code_label{"E", "Education, health and care plan"},
    code_label{"A", "School Action (historic)"},
    code_label{"P", "School Action Plus (historic)"},
    code_label{"S", "Statement of SEN (historic)"},
};

constexpr std::array first_languages{
    code_label{"ENG", "English"},
    code_label{"ENB", "Believed to be English"},
    code_label{"OTH", "Other than English"},
    code_label{"OTB", "Believed to be other than English"},
    code_label{"NOT", "Information not obtained"},
    code_label{"REF", "Refused"},
};

constexpr std::array genders{
    code_label{"M", "Male"},
    code_label{"F", "Female"},
};

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        const auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
        return upper(x) == upper(y);
    });
}

template <typename Entry, std::size_t N>
const Entry *find_code(const std::array<Entry, N> &table, std::string_view code) {
    const auto found = std::ranges::find_if(table, [&](const Entry &entry) { return same_ignoring_case(entry.code, code); });
    return found == table.end() ? nullptr : &*found;
}

}  // namespace

std::span<const ethnicity_code> ethnicity_codes() { return ethnicities; }
const ethnicity_code *find_ethnicity(std::string_view code) { return find_code(ethnicities, code); }

std::span<const code_label> sen_codes() { return sens; }
const code_label *find_sen(std::string_view code) { return find_code(sens, code); }
bool is_historic_sen(char code) { return code == 'A' || code == 'P' || code == 'S'; }

std::span<const code_label> first_language_codes() { return first_languages; }
const code_label *find_first_language(std::string_view code) { return find_code(first_languages, code); }
bool is_eal_language(std::string_view first_language_code) {
    return same_ignoring_case(first_language_code, "OTH") || same_ignoring_case(first_language_code, "OTB");
}

std::span<const code_label> gender_codes() { return genders; }
const code_label *find_gender(std::string_view code) { return find_code(genders, code); }

}  // namespace waymark::domain
