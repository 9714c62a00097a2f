import ServiceLifecycle

/// At a graceful shutdown (SIGTERM, SIGINT), answers the screens' held requests at once, so the
/// hub stops in a moment instead of waiting out every long-poll (up to 25 s).
struct HeldRequestsRelease: Service {
    let publications: [Publication]

    func run() async throws {
        try? await gracefulShutdown()
        for publication in publications { publication.close() }
    }
}
