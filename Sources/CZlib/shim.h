// zlib for Swift: the header, plus inflateInit2, a macro Swift cannot call.
#include <zlib.h>

/// Starts inflating gzip or zlib data (told apart by its header); returns Z_OK or an error.
static inline int skylt_inflate_init(z_stream *stream) { return inflateInit2(stream, 15 + 32); }
