package dev.fabricscope.capture;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A whole regular file mapped read-only; fill is a bounds check, nothing is copied. Offsets are longs (files > 2 GiB). */
final class MappedByteInput extends ByteInput {
    private final Arena arena;
    private final MemorySegment file;
    private final long size;
    private long pos;

    private MappedByteInput(Arena arena, MemorySegment file) {
        this.arena = arena;
        this.file = file;
        this.size = file.byteSize();
    }

    static MappedByteInput map(Path path) throws IOException {
        // Shared arena: the source may be opened on one thread and read on another.
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return new MappedByteInput(arena, ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    @Override long position() { return pos; }

    @Override
    long fill(long n) {
        return n <= size - pos ? pos : -1;
    }

    @Override MemorySegment segment() { return file; }

    @Override long available() { return size - pos; }

    @Override
    void advance(long n) {
        pos += n;
    }

    @Override
    boolean skip(long n) {
        if (n > size - pos) {
            pos = size;
            return false;
        }
        pos += n;
        return true;
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) arena.close();
    }
}
