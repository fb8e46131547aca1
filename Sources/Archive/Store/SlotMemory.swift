import Glibc

/// Zeroed memory for a fixed number of 64-bit slots, mapped straight from the kernel and
/// marked for transparent huge pages, for tables that are probed at random.
///
/// Guarantees: every slot starts at 0; the memory is returned to the kernel when the
/// object goes. Huge pages are a request (`madvise`), so where the kernel declines, the
/// table works the same with ordinary pages. At a million documents the tables hold
/// about a gigabyte, and with 4 KB pages nearly every lookup also missed the TLB.
final class SlotMemory {
    let slots: UnsafeMutableBufferPointer<UInt64>
    private let byteCount: Int

    init(count: Int) {
        byteCount = max(count, 1) * MemoryLayout<UInt64>.stride
        guard let address = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              address != MAP_FAILED else {
            fatalError("cannot map \(byteCount) bytes for an index table: \(String(cString: strerror(errno)))")
        }
        _ = madvise(address, byteCount, MADV_HUGEPAGE)
        slots = UnsafeMutableBufferPointer(start: address.bindMemory(to: UInt64.self, capacity: count), count: count)
    }

    deinit { munmap(slots.baseAddress, byteCount) }
}
