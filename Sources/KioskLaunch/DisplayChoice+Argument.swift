import ArgumentParser
import DisplayContract

extension DisplayChoice: ExpressibleByArgument {}
