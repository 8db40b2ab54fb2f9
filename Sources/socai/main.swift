#if canImport(Glibc)
import Glibc
#endif
import SocaiCLI

// A write past a file-size limit must fail with EFBIG (reported, nothing half-written), not kill us.
signal(SIGXFSZ, SIG_IGN)
exit(SocaiCLI.run(argc: CommandLine.argc, argv: CommandLine.unsafeArgv, context: .live()))
