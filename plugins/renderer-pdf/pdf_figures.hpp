// The two figures of a report drawn as vectors: a three-set Venn (translucent circles, every
// region's count and percentage) and a line or bar chart with axes, ticks, labels and a legend.
// Each series gets its own marker and dash as well as a colour, so a greyscale print still reads.
#pragma once

#include "pdf_flow.hpp"

namespace waymark::renderers {

void draw_venn(pdf_flow &flow, const reports::venn &v);
void draw_chart(pdf_flow &flow, const reports::chart &c);

}  // namespace waymark::renderers
