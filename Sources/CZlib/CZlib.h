// zlib (Debian's zlib1g-dev), used by the report tests to inflate the IDAT stream of a
// Chromium screenshot PNG and check its pixels.
#ifndef RISKTIER_CZLIB_H
#define RISKTIER_CZLIB_H
#include <zlib.h>
#endif
