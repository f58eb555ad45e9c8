import CSystem
import ETLCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file written through a buffer with `write(2)`; errors (a full disk) become diagnostics.
public final class FileSink {
    public let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    public private(set) var bytesWritten = 0

    private var finished = false
    /// Where the disk writes started by ``flush()`` end: the bytes before it are on their way to
    /// disk, the bytes after it only in the page cache.
    private var writebackStart = 0
    /// How many written bytes make `flush` start their way to disk (see ``close()``).
    static let writebackChunk = 1 << 20

    public init(path: String, bufferSize: Int = 1 << 16) throws {
        self.path = path
        capacity = bufferSize
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot create \(path): \(String(cString: strerror(errno)))", rule: "output.unwritable", file: path)
        }
        buffer.reserveCapacity(bufferSize)
    }

    /// Whether the file descriptor is open (see ``suspend()``).
    public var isOpen: Bool { fd >= 0 }

    /// Flushes and closes the descriptor; the next write reopens the file for appending.
    /// Lets a writer keep thousands of files without running out of descriptors.
    public func suspend() throws {
        try flush()
        if fd >= 0 {
            _ = Glibc.close(fd)
            fd = -1
        }
    }

    private func reopen() throws {
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot reopen \(path): \(String(cString: strerror(errno)))", rule: "output.unwritable", file: path)
        }
    }

    deinit { if fd >= 0 { _ = Glibc.close(fd) } }

    public func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Two bytes (a separator), without making an array of them.
    public func write(_ first: UInt8, _ second: UInt8) throws {
        buffer.append(first)
        buffer.append(second)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        if buffer.isEmpty { return }
        if fd < 0 {
            guard !finished else { throw Diagnostic.error("write after close", rule: "output.unwritable", file: path) }
            try reopen()
        }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, buffer.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw Diagnostic.error("cannot write \(path): \(reason)", rule: "output.unwritable", file: path)
            }
            offset += n
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
        if bytesWritten - writebackStart >= Self.writebackChunk {
            // Without this, the whole file waits in the page cache for the `fsync` in `close`,
            // which then writes hundreds of megabytes while nothing else runs. A failure (not
            // Linux) changes nothing: `fsync` writes what is left either way.
            _ = oicp_start_writeback(fd, Int64(writebackStart), Int64(bytesWritten - writebackStart))
            writebackStart = bytesWritten
        }
    }

    /// Flushes, forces the data to disk and closes the file.
    public func close() throws {
        try flush()
        finished = true
        guard fd >= 0 else { return }
        if fsync(fd) != 0 && errno != EINVAL {
            throw Diagnostic.error("cannot write \(path): \(String(cString: strerror(errno)))", rule: "output.unwritable", file: path)
        }
        if Glibc.close(fd) != 0 {
            throw Diagnostic.error("cannot write \(path): \(String(cString: strerror(errno)))", rule: "output.unwritable", file: path)
        }
        fd = -1
    }
}
