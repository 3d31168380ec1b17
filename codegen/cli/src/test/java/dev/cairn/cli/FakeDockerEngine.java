package dev.cairn.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker engine on a Unix socket that answers like a real one on an air-gapped runner: /_ping,
 * /version and /info work, no image is present, and every pull fails as a registry that cannot be
 * reached does. Real HTTP over a real socket; no Docker needed.
 */
final class FakeDockerEngine implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeDockerEngine(Path socket) throws IOException {
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::serve, "fake-docker");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String host() {
        return "unix://" + socket;
    }

    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                Thread t = new Thread(() -> answer(c), "fake-docker-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(SocketChannel channel) {
        try (channel; InputStream in = Channels.newInputStream(channel); OutputStream out = Channels.newOutputStream(channel)) {
            while (true) {
                String head = readHead(in);
                if (head == null) return;
                String requestLine = head.lines().findFirst().orElse("");
                requests.add(requestLine);
                int length = head.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                        .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
                in.readNBytes(length);
                String path = requestLine.split(" ")[1].replaceFirst("^/v[0-9.]+", "");
                String method = requestLine.split(" ")[0];
                if (path.startsWith("/_ping")) {
                    respond(out, 200, "text/plain", "OK");
                } else if (path.startsWith("/version")) {
                    respond(out, 200, "application/json", "{\"Version\":\"27.0.0\",\"ApiVersion\":\"1.46\",\"MinAPIVersion\":\"1.24\","
                            + "\"Os\":\"linux\",\"Arch\":\"amd64\",\"KernelVersion\":\"6.0\"}");
                } else if (path.startsWith("/info")) {
                    respond(out, 200, "application/json", "{\"ID\":\"fake\",\"Name\":\"air-gapped\",\"ServerVersion\":\"27.0.0\","
                            + "\"OperatingSystem\":\"Fake Linux\",\"OSType\":\"linux\",\"Architecture\":\"x86_64\",\"NCPU\":2,"
                            + "\"MemTotal\":4000000000,\"DockerRootDir\":\"/var/lib/docker\",\"Labels\":[]}");
                } else if (path.startsWith("/networks/bridge")) {
                    // Testcontainers, inside a container, looks for the bridge's gateway
                    respond(out, 200, "application/json", "{\"Name\":\"bridge\",\"Id\":\"b\",\"Driver\":\"bridge\","
                            + "\"IPAM\":{\"Config\":[{\"Subnet\":\"172.17.0.0/16\",\"Gateway\":\"172.17.0.1\"}]}}");
                } else if (method.equals("POST") && path.startsWith("/images/create")) {
                    respond(out, 500, "application/json", "{\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp:"
                            + " lookup registry-1.docker.io: no such host\"}");
                } else if (path.startsWith("/containers/json") || path.startsWith("/images/json")
                        || (method.equals("GET") && path.matches("/networks(\\?.*)?"))) {
                    respond(out, 200, "application/json", "[]"); // nothing running (Testcontainers' exit hook lists them)
                } else if (path.startsWith("/volumes")) {
                    respond(out, 200, "application/json", "{\"Volumes\":[],\"Warnings\":[]}");
                } else if (path.contains("/prune")) {
                    respond(out, 200, "application/json", "{}");
                } else if (path.startsWith("/images/")) {
                    respond(out, 404, "application/json", "{\"message\":\"No such image\"}");
                } else {
                    respond(out, 404, "application/json", "{\"message\":\"page not found\"}");
                }
            }
        } catch (IOException | RuntimeException ended) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void respond(OutputStream out, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : status == 404 ? "Not Found" : "Internal Server Error")
                + "\r\nContent-Type: " + type + "\r\nApi-Version: 1.46\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
