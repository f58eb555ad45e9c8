// swift-tools-version:6.1
// A program that uses the OICP library product the way another package would: without
// Foundation, through the product alone. Tests/run-tests.sh builds and runs it.
import PackageDescription

// A path dependency is named after its folder (`oicp-etl`, or whatever the clone is called).
let root = Context.packageDirectory.split(separator: "/").dropLast(2).last.map(String.init) ?? "oicp-etl"

let package = Package(
    name: "library-consumer",
    dependencies: [.package(path: "../..")],
    targets: [.executableTarget(name: "consumer", dependencies: [.product(name: "OICP", package: root)])],
    swiftLanguageModes: [.v6]
)
