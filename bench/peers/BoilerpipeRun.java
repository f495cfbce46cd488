// BoilerpipeRun.java - run boilerpipe's ArticleExtractor (Debian
// libboilerpipe-java) over a whole dataset in one JVM, timing only the
// extraction.
//
//   java -cp BUILD:/usr/share/java/boilerpipe.jar:/usr/share/java/nekohtml.jar:\
//        /usr/share/java/xercesImpl.jar BoilerpipeRun OUTDIR FILE...|@LISTFILE
//
// Pages go one at a time: read (and gunzipped), extracted (only this is
// timed), written, dropped, as for every tool in bench/compare.sh. Writes
// OUTDIR/<id>.txt and prints one
// JSON line of statistics. The JVM's JIT warms up on the first pages; that is
// counted, as it would be for a user running it once over a corpus.
import de.l3s.boilerpipe.extractors.ArticleExtractor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

public final class BoilerpipeRun {
    private BoilerpipeRun() {
    }

    private static byte[] load(String file) throws IOException {
        byte[] raw = Files.readAllBytes(Paths.get(file));
        if (!file.endsWith(".gz"))
            return raw;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static String pageId(String file) {
        String name = Paths.get(file).getFileName().toString();
        if (name.endsWith(".gz"))
            name = name.substring(0, name.length() - 3);
        return name.replaceAll("\\.html?$", "");
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: BoilerpipeRun OUTDIR FILE...");
            System.exit(2);
        }
        Path outdir = Paths.get(args[0]);
        Files.createDirectories(outdir);
        long bytes = 0;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) { // "@LIST": the file names listed in LIST
            if (args[i].startsWith("@")) {
                for (String l : Files.readAllLines(Paths.get(args[i].substring(1))))
                    if (!l.isEmpty())
                        files.add(l);
            } else {
                files.add(args[i]);
            }
        }
        int errors = 0;
        // CPU time of the whole JVM (JIT and GC threads count), as the machine is
        // shared; wall time too.
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long nanos = 0, wallNanos = 0;
        for (String file : files) {
            byte[] raw = load(file);
            bytes += raw.length;
            String page = new String(raw, StandardCharsets.UTF_8); // the datasets are UTF-8
            String text;
            long t0 = os.getProcessCpuTime(), w0 = System.nanoTime();
            try {
                text = ArticleExtractor.INSTANCE.getText(page);
            } catch (Exception | StackOverflowError e) { // a failure is an empty output
                text = "";
                errors++;
            }
            nanos += os.getProcessCpuTime() - t0;
            wallNanos += System.nanoTime() - w0;
            String t = text == null ? "" : text.replace("\n", "\n\n");
            Files.write(outdir.resolve(pageId(file) + ".txt"), t.getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf("{\"tool\": \"boilerpipe\", \"pages\": %d, \"bytes\": %d, \"seconds\": %.6f, "
                + "\"wall_seconds\": %.6f, \"errors\": %d}%n", files.size(), bytes, nanos / 1e9,
                wallNanos / 1e9, errors);
    }
}
