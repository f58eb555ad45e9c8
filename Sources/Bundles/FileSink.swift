import CSystem
import ETLCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file written through a buffer with `write(2)`; errors (a full disk) become diagnostics.
///
/// Where the file system allows it (Linux; not tmpfs), the file is written with direct I/O:
/// whole blocks go from an aligned buffer to the disk without a copy in the page cache. A
/// conversion writes hundreds of megabytes of bundles and forces them to disk at the end
/// anyway; through the page cache, the kernel spent as much time taking pages for them and
/// copying into them as the writing thread spent on its own work (and on a virtual machine
/// sometimes three times as much). The last bytes of a file, less than a block, are written
/// through the page cache when it is closed; a file system that refuses direct I/O, at the
/// open or at a write, gets ordinary writes.
public final class FileSink {
    public let path: String
    private var fd: Int32
    /// Whether writes to `fd` bypass the page cache: then each is whole blocks, from `buffer`.
    private var direct: Bool
    private let capacity: Int
    /// `capacity` bytes aligned to ``block``; released while the file is suspended.
    private var buffer: UnsafeMutableRawPointer?
    /// The bytes waiting in `buffer` (or, while it is released, in `pending`).
    private var count = 0
    private var pending: [UInt8] = []
    public private(set) var bytesWritten = 0

    private var finished = false
    /// Where the disk writes started by ``flush()`` end (ordinary writes only): the bytes before
    /// it are on their way to disk, the bytes after it only in the page cache.
    private var writebackStart = 0
    /// How many written bytes make `flush` start their way to disk (see ``close()``).
    static let writebackChunk = 1 << 20
    /// The alignment and unit of direct writes: a page, a multiple of the block sizes in use.
    static let block = 4096

    /// - Parameter directIO: false writes through the page cache even where direct I/O works.
    public init(path: String, bufferSize: Int = 1 << 18, directIO: Bool = true) throws {
        self.path = path
        capacity = max(1, (bufferSize + Self.block - 1) / Self.block) * Self.block
        (fd, direct) = try Self.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, direct: directIO, verb: "create")
    }

    /// Opens with direct I/O when asked and possible, else without.
    private static func open(_ path: String, _ flags: Int32, direct: Bool, verb: String) throws -> (Int32, Bool) {
        if direct {
            let fd = oicp_open_direct(path, flags, 0o644)
            if fd >= 0 { return (fd, true) }
            // EINVAL (tmpfs) or ENOSYS: the ordinary open below; any other failure fails it too.
        }
        let fd = Glibc.open(path, flags, 0o644)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot \(verb) \(path): \(String(cString: strerror(errno)))", rule: "output.unwritable", file: path)
        }
        return (fd, false)
    }

    /// Whether the file descriptor is open (see ``suspend()``).
    public var isOpen: Bool { fd >= 0 }

    /// Writes what it can and closes the descriptor; the next write reopens the file for
    /// appending. Lets a writer keep thousands of files without running out of descriptors (or
    /// memory: the buffer is released, and the few bytes a direct write cannot take yet kept).
    public func suspend() throws {
        try flush()
        if fd >= 0 {
            _ = Glibc.close(fd)
            fd = -1
        }
        if let buffer {
            pending = Array(UnsafeRawBufferPointer(start: buffer, count: count))
            buffer.deallocate()
            self.buffer = nil
        }
    }

    /// Opened for appending: a file written with direct I/O so far has a whole number of blocks.
    private func reopen() throws {
        (fd, direct) = try Self.open(path, O_WRONLY | O_APPEND | O_CLOEXEC, direct: direct, verb: "reopen")
    }

    deinit {
        if fd >= 0 { _ = Glibc.close(fd) }
        buffer?.deallocate()
    }

    /// The buffer, made (with the bytes kept while suspended) when there is none.
    private func storage() -> UnsafeMutableRawPointer {
        if let buffer { return buffer }
        let made = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: Self.block)
        pending.withUnsafeBytes { made.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        pending = []
        buffer = made
        return made
    }

    public func write(_ bytes: some Collection<UInt8>) throws {
        if try bytes.withContiguousStorageIfAvailable({ try append($0) }) == nil {
            try Array(bytes).withUnsafeBufferPointer { try append($0) }
        }
    }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Two bytes (a separator), without making an array of them.
    public func write(_ first: UInt8, _ second: UInt8) throws {
        if let buffer, capacity - count >= 2 {
            buffer.storeBytes(of: first, toByteOffset: count, as: UInt8.self)
            buffer.storeBytes(of: second, toByteOffset: count + 1, as: UInt8.self)
            count += 2
            if count == capacity { try flush() }
            return
        }
        try withUnsafeBytes(of: (first, second)) { try append($0.bindMemory(to: UInt8.self)) }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var offset = 0
        while offset < bytes.count {
            let buffer = storage()
            let n = min(capacity - count, bytes.count - offset)
            (buffer + count).copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
            count += n
            offset += n
            if count == capacity { try flush() }
        }
    }

    /// Writes the buffered bytes: all of them, or with direct I/O the whole blocks among them
    /// (the rest waits for more, or for ``close()``).
    public func flush() throws {
        if count == 0 { return }
        if fd < 0 {
            guard !finished else { throw Diagnostic.error("write after close", rule: "output.unwritable", file: path) }
            try reopen()
        }
        let buffer = storage()
        let whole = direct ? count / Self.block * Self.block : count
        if whole > 0 {
            try writeOut(buffer, whole)
            // Less than a block stays: it cannot overlap the whole blocks it is moved over.
            if whole < count { buffer.copyMemory(from: buffer + whole, byteCount: count - whole) }
            count -= whole
        }
        if !direct && bytesWritten - writebackStart >= Self.writebackChunk {
            // Without this, the whole file waits in the page cache for the `fsync` in `close`,
            // which then writes hundreds of megabytes while nothing else runs. A failure (not
            // Linux) changes nothing: `fsync` writes what is left either way.
            _ = oicp_start_writeback(fd, Int64(writebackStart), Int64(bytesWritten - writebackStart))
            writebackStart = bytesWritten
        }
    }

    /// Writes `length` bytes from `start`; a direct write the file system refuses is made again
    /// through the page cache, and so is every later one.
    private func writeOut(_ start: UnsafeMutableRawPointer, _ length: Int) throws {
        var offset = 0
        while offset < length {
            let n = Glibc.write(fd, start + offset, length - offset)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL && direct && oicp_set_direct(fd, 0) == 0 {
                    direct = false
                    continue
                }
                let reason = String(cString: strerror(errno))
                throw Diagnostic.error("cannot write \(path): \(reason)", rule: "output.unwritable", file: path)
            }
            offset += n
            bytesWritten += n
        }
    }

    /// Writes everything, forces the data to disk and closes the file.
    public func close() throws {
        try flush()
        if count > 0 {
            // The last bytes, less than a block: through the page cache.
            if direct && oicp_set_direct(fd, 0) == 0 { direct = false }
            try writeOut(storage(), count)
            count = 0
        }
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
