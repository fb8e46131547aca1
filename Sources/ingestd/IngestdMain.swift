// The program's entry point; a fuzzing build (`make fuzz`, -DLIBFUZZER) has libFuzzer's
// instead, and `Fuzz/FuzzEntry.swift` in its place.
#if !LIBFUZZER
@main
extension Ingestd {}
#endif
