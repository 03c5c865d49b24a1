package fr.plateformecitoyens.local.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Loopback port helpers: picking free ports, probing that a server answers, waiting until a port is released. */
final class Ports {

    /** Every emulator listens on the loopback interface only: nothing of the local cloud is reachable from outside. */
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static final String HOST = LOOPBACK.getHostAddress();

    private static final int CONNECT_TIMEOUT_MS = 250;
    private static final int READ_TIMEOUT_MS = 1_000;

    private Ports() {
    }

    /**
     * Returns {@code count} distinct ports that were free a moment ago. All sockets are held open until every port
     * is chosen, so the kernel cannot hand out the same port twice.
     */
    static int[] pickFree(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, LOOPBACK);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free local ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    /**
     * Whether a new server could bind the port on the loopback interface right now. SO_REUSEADDR is set, as every
     * server does, so connections lingering in TIME_WAIT do not count as "in use".
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls until the port is free; returns false if it is still taken after the timeout. */
    static boolean awaitFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFree(port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(20));
        }
        return true;
    }

    /**
     * Sends one {@code GET path} over a fresh connection (no pooling, {@code Connection: close}) and tells whether an
     * HTTP status line came back. Any status counts: the probe only asks "is a server answering on this port".
     */
    static boolean answersHttp(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + port
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(5);
            return new String(head, StandardCharsets.US_ASCII).equals("HTTP/");
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the emulators", e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do: the socket was only used to reserve a port number.
        }
    }
}
