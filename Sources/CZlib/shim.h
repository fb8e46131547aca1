#ifndef INGESTD_CZLIB_SHIM_H
#define INGESTD_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit and inflateInit are macros; Swift sees these functions instead. */
static inline int ingestd_deflate_init(z_streamp s, int level) { return deflateInit(s, level); }
static inline int ingestd_inflate_init(z_streamp s) { return inflateInit(s); }
/* A gzip member (header and trailer included): windowBits 15 + 16. */
static inline int ingestd_deflate_init_gzip(z_streamp s, int level) {
    return deflateInit2(s, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
}
/* gzip or zlib data, told by its header: windowBits 15 + 32. */
static inline int ingestd_inflate_init_auto(z_streamp s) { return inflateInit2(s, 47); }
/* Raw deflate data: no zlib header or trailer (ZlibStream reads those itself). */
static inline int ingestd_inflate_init_raw(z_streamp s) { return inflateInit2(s, -15); }
#endif
