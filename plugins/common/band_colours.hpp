// The default cell colours of the built-in schemes (0xRRGGBB), shared so that "below" is the same
// red in every scheme a school uses.
#ifndef WAYMARK_SCHEMES_BAND_COLOURS_HPP
#define WAYMARK_SCHEMES_BAND_COLOURS_HPP

#include <cstdint>

namespace waymark::schemes::colours {
inline constexpr uint32_t red = 0xE53935;
inline constexpr uint32_t amber = 0xFFB300;
inline constexpr uint32_t green = 0x43A047;
inline constexpr uint32_t blue = 0x1E88E5;
inline constexpr uint32_t grey = 0xBDBDBD;
inline constexpr uint32_t white = 0xFFFFFF;
}  // namespace waymark::schemes::colours

#endif
