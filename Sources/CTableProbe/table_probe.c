// The module is header-only; SwiftPM needs one source file to build a C target.
#include "prefetch.h"
#include "bucket_match.h"
