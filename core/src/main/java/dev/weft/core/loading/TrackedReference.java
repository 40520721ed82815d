package dev.weft.core.loading;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A module reference that remembers every reader it opens, so that unloading can close the jar.
 * The JDK's module class loader opens a reader on first use and never closes it; without this the
 * jar would stay open until the loader is collected.
 */
final class TrackedReference extends ModuleReference {

    private final ModuleReference delegate;
    private final List<ModuleReader> readers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    TrackedReference(ModuleReference delegate) {
        super(delegate.descriptor(), delegate.location().orElse(null));
        this.delegate = delegate;
    }

    @Override
    public ModuleReader open() throws IOException {
        if (closed) {
            throw new IOException("plugin module " + descriptor().name() + " was unloaded");
        }
        ModuleReader reader = new Reader(delegate.open());
        readers.add(reader);
        return reader;
    }

    /** Closes every reader opened so far and refuses new ones. */
    void close() {
        closed = true;
        for (ModuleReader reader : readers) {
            try {
                reader.close();
            } catch (IOException e) {
                // The jar is being let go; a reader that cannot close is closed by the JarFile cleaner later.
            }
        }
        readers.clear();
    }

    /** Forwards to the JDK's reader; exists so that closing is ours to call. */
    private static final class Reader implements ModuleReader {
        private final ModuleReader in;

        Reader(ModuleReader in) {
            this.in = in;
        }

        @Override
        public Optional<URI> find(String name) throws IOException {
            return in.find(name);
        }

        @Override
        public Optional<InputStream> open(String name) throws IOException {
            return in.open(name);
        }

        @Override
        public Optional<ByteBuffer> read(String name) throws IOException {
            return in.read(name);
        }

        @Override
        public void release(ByteBuffer bb) {
            in.release(bb);
        }

        @Override
        public Stream<String> list() throws IOException {
            return in.list();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
