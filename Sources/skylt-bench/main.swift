import ArgumentParser

// Measuring Skylt, kept out of the product: `swift run -c release skylt-bench core`,
// `skylt-bench frame --kind countdown` (see .ci/benchmarks and .ci/bench-render).
SkyltBench.main()
