import CMalloc

/// How the kiosk asks glibc's allocator to behave on a small board that runs for days.
public enum MemoryTuning {
    /// Text textures and frames are large, short-lived buffers. glibc raises its mmap threshold
    /// each time one is freed, after which such buffers come from the heap and its high-water
    /// mark only grows; a fixed threshold hands them back to the system, so the kiosk's RSS
    /// stays flat over days (docs/BENCHMARKS.md).
    public static func returnLargeBuffersToTheSystem() {
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    }

    /// Hands the heap's free memory back to the system. After a large feed is read (accepted
    /// or not) its parse tree and the program it replaced are freed, but glibc keeps the pages;
    /// trimming brings the kiosk's RSS back down to what the program on screen needs.
    public static func returnFreedMemory() {
        _ = malloc_trim(0)
    }
}
