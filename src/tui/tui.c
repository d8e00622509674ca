/* tui — placeholder until the interface lands (issue 3). */
#include <config.h>
#include "treem/tui/tui.h"
#include <stdio.h>

int tui_main(const struct tui_options *opt)
{
    (void)opt;
    fprintf(stderr, "treem: the full-screen interface is not built yet\n");
    return 1;
}
