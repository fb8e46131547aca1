#ifndef INGESTD_PREFETCH_H
#define INGESTD_PREFETCH_H

/// Asks the CPU to start loading the cache line at `address` without waiting for it, so
/// that many independent table lookups overlap their memory latency. A hint only: it has
/// no effect on results.
static inline void ingestd_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
