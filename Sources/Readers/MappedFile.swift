#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ETLCore

/// A file mapped into memory read-only, read front to back: pages already read are given back
/// (`release(before:)`), so a large file does not stay resident.
final class MappedFile {
    let path: String
    let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private var released = 0

    init(path: String) throws {
        self.path = path
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw Diagnostic.error("cannot read the input file: it does not exist", rule: "input.unreadable", file: path)
        }
        guard (st.st_mode & S_IFMT) != S_IFDIR else {
            throw Diagnostic.error("the input is a directory, not a file", rule: "input.unreadable", file: path)
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot open the input file: \(String(cString: strerror(errno)))", rule: "input.unreadable", file: path)
        }
        defer { close(fd) }
        let size = Int(st.st_size)
        guard size > 0 else {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else {
            throw Diagnostic.error("cannot map the input file: \(String(cString: strerror(errno)))", rule: "input.unreadable", file: path)
        }
        _ = madvise(p, size, MADV_SEQUENTIAL)
        base = p
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        if let base { munmap(base, bytes.count) }
    }

    /// Gives back the pages before `offset` (rounded down to whole pages); they are read again
    /// from the file if touched.
    func release(before offset: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (offset / page) * page
        guard let base, end - released >= 16 << 20 else { return }
        _ = madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}
