import Foundation
import Testing

@testable import Bundles

@Suite struct FileSinkTests {
    /// Bytes that differ from one position to the next, so a lost, doubled or moved piece shows.
    private static func pattern(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 31) &+ seed &+ ($0 >> 8)) }
    }

    /// A file several times the write-back chunk, written through the buffer in uneven pieces,
    /// suspended (closed) and reopened midway: every byte arrives, in order, once; with direct
    /// I/O (where the scratch folder's file system has it: the tail less than a block is kept
    /// while suspended) and without.
    @Test(arguments: [true, false])
    func largeFileThroughWritebackAndSuspend(directIO: Bool) throws {
        let scratch = Scratch()
        let path = scratch.path + "/large.json"
        let sink = try FileSink(path: path, bufferSize: 1 << 16, directIO: directIO)
        var expected: [UInt8] = []
        var piece = 0
        while expected.count < 3 * FileSink.writebackChunk + 12_345 {
            let bytes = Self.pattern(1 + (piece * 7_919) % 200_000, seed: piece)
            try sink.write(bytes)
            expected += bytes
            piece += 1
            if piece == 10 || piece == 31 { try sink.suspend() }
            if piece % 13 == 0 { try sink.write(0x2C, 0x0A) ; expected += [0x2C, 0x0A] }
        }
        try sink.close()
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written.count == expected.count)
        #expect(sink.bytesWritten == expected.count)
        #expect([UInt8](written) == expected)
    }

    /// Files shorter than a block, of a whole number of blocks, and a byte more; separators
    /// written two bytes at a time across the buffer's end.
    @Test(arguments: [true, false])
    func sizesAroundTheBlock(directIO: Bool) throws {
        let scratch = Scratch()
        for size in [0, 1, FileSink.block - 1, FileSink.block, FileSink.block + 1, 3 * FileSink.block, 1 << 16, (1 << 16) + 1] {
            let path = scratch.path + "/\(size).json"
            let sink = try FileSink(path: path, bufferSize: 1 << 16, directIO: directIO)
            var expected = Self.pattern(size, seed: size)
            try sink.write(expected)
            for _ in 0..<(1 << 15) + 3 { try sink.write(0x2C, 0x0A) }
            expected += Array(repeating: [0x2C, 0x0A], count: (1 << 15) + 3).joined()
            try sink.close()
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == expected, "size \(size)")
            #expect(sink.bytesWritten == expected.count)
        }
    }

    @Test func writeAfterCloseIsAnError() throws {
        let scratch = Scratch()
        let sink = try FileSink(path: scratch.path + "/closed.json")
        try sink.write(Array("x".utf8))
        try sink.close()
        try sink.write(Array("y".utf8))
        #expect(throws: (any Error).self) { try sink.flush() }
    }
}
