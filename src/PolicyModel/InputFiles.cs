using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;
using PolicyModel.Inputs;

namespace PolicyModel;

/// <summary>
/// The one way every input file is read (policy documents, requests, scenario files, decision logs), and the one way
/// folders of them are walked. Files are strict UTF-8 with at most one optional UTF-8 byte order mark; the size cap
/// is checked while reading, so a device that never ends is refused after the cap; only regular files are opened (a
/// FIFO, device or socket is refused before it is opened); folder walks follow no link twice and never loop. Failures
/// are <see cref="Problem"/>s that name the path (codes PM1001, PM1002, PM1018–PM1020 in <c>docs/errors.md</c>).
/// </summary>
public static class InputFiles
{
    /// <summary>The UTF-8 encoding input text is decoded with: no byte order mark written, invalid bytes an error.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int ChunkBytes = 64 * 1024;

    /// <summary>Reads a file's UTF-8 text as bytes (its byte order mark removed), refusing anything that is not a regular UTF-8 file within the cap.</summary>
    /// <param name="path">The file's path; problems name it.</param>
    /// <param name="maxBytes">The largest file accepted, in bytes (checked while reading).</param>
    /// <param name="utf8">The file's bytes without the byte order mark, valid UTF-8.</param>
    /// <param name="problem">Why the file was refused.</param>
    /// <returns>Whether the file was read.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or <paramref name="maxBytes"/> is not positive.</exception>
    public static bool TryRead(string path, int maxBytes, [NotNullWhen(true)] out byte[]? utf8, [NotNullWhen(false)] out Problem? problem)
    {
        Guard.Against.NullOrEmpty(path);
        Guard.Against.NegativeOrZero(maxBytes);
        utf8 = null;
        if (!TryOpen(path, out var stream, out problem))
        {
            return false;
        }

        using (stream)
        {
            return TryRead(stream, path, maxBytes, out utf8, out problem);
        }
    }

    /// <summary>Reads a stream (standard input, say) to its end as UTF-8, with the same checks as a file.</summary>
    /// <param name="stream">The stream; it is read to its end or just past the cap, and not closed.</param>
    /// <param name="name">The input's name for problems (<c>-</c> for standard input).</param>
    /// <param name="maxBytes">The largest input accepted, in bytes (checked while reading).</param>
    /// <param name="utf8">The bytes without the byte order mark, valid UTF-8.</param>
    /// <param name="problem">Why the input was refused.</param>
    /// <returns>Whether the input was read.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="maxBytes"/> is not positive.</exception>
    public static bool TryRead(Stream stream, string name, int maxBytes, [NotNullWhen(true)] out byte[]? utf8, [NotNullWhen(false)] out Problem? problem)
    {
        Guard.Against.Null(stream);
        Guard.Against.NullOrEmpty(name);
        Guard.Against.NegativeOrZero(maxBytes);
        utf8 = null;
        byte[] bytes;
        try
        {
            if (!TryReadCapped(stream, maxBytes, out bytes))
            {
                problem = new Problem(ProblemCodes.TooLarge, name, "$", null, null,
                    $"the input is larger than {Size(maxBytes)}");
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = Unreadable(name, e.Message);
            return false;
        }

        if (!TryCheckUtf8(bytes, name, out var start, out problem))
        {
            return false;
        }

        utf8 = start == 0 ? bytes : bytes[start..];
        return true;
    }

    /// <summary>Reads a file as strict UTF-8 text, with the checks of <see cref="TryRead(string, int, out byte[], out Problem)"/>.</summary>
    /// <param name="path">The file's path; problems name it.</param>
    /// <param name="maxBytes">The largest file accepted, in bytes.</param>
    /// <param name="text">The text, without the byte order mark.</param>
    /// <param name="problem">Why the file was refused.</param>
    /// <returns>Whether the file was read.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or <paramref name="maxBytes"/> is not positive.</exception>
    public static bool TryReadText(string path, int maxBytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out Problem? problem)
    {
        text = TryRead(path, maxBytes, out var utf8, out problem) ? StrictUtf8.GetString(utf8) : null;
        return text is not null;
    }

    /// <summary>
    /// Opens a regular file for reading, after checking what the path names without opening it: a folder, FIFO,
    /// device, socket, dangling link or missing file is refused with a problem. For readers that stream a large
    /// input; they decode with <see cref="StrictUtf8"/> and cap what they read themselves.
    /// </summary>
    /// <param name="path">The file's path; problems name it.</param>
    /// <param name="stream">The open file, positioned at its start.</param>
    /// <param name="problem">Why the file was refused.</param>
    /// <returns>Whether the file was opened.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static bool TryOpen(string path, [NotNullWhen(true)] out Stream? stream, [NotNullWhen(false)] out Problem? problem)
    {
        Guard.Against.NullOrEmpty(path);
        stream = null;
        problem = Refusal(path, FileProbe.Probe(path).Kind, asFile: true);
        if (problem is not null)
        {
            return false;
        }

        try
        {
            stream = new ReadOnlyFileStream(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = e is FileNotFoundException or DirectoryNotFoundException
                ? new Problem(ProblemCodes.FileUnreadable, path, "$", null, null, "no such file")
                : Unreadable(path, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Expands files and folders into the files they name: a file as given, a folder as every <c>*.json</c> file
    /// beneath it (recursively, in ordinal order). Links are followed, but no folder or file is visited twice, so a
    /// link back to a folder above ends the walk there and a file reached through several links is listed once.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="files">The files found (also when there are problems: those that could be found).</param>
    /// <param name="problems">A missing path, a dangling link, a special file, an unreadable folder (empty when none).</param>
    /// <returns>Whether every path was found without a problem.</returns>
    public static bool TryExpand(IEnumerable<string> paths, out IReadOnlyList<string> files, out IReadOnlyList<Problem> problems)
    {
        Guard.Against.Null(paths);
        var found = new List<string>();
        var issues = new List<Problem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            Guard.Against.NullOrEmpty(path, nameof(paths));
            var facts = FileProbe.Probe(path);
            if (facts.Kind == FileKind.Folder)
            {
                var beneath = new List<string>();
                Walk(path, facts, beneath, issues, seen);
                beneath.Sort(StringComparer.Ordinal);
                found.AddRange(beneath);
            }
            else if (Refusal(path, facts.Kind, asFile: false) is { } refused)
            {
                issues.Add(refused);
            }
            else if (seen.Add(facts.Identity))
            {
                found.Add(path);
            }
        }

        files = found;
        problems = issues;
        return issues.Count == 0;
    }

    private static void Walk(string root, FileFacts rootFacts, List<string> files, List<Problem> problems, HashSet<string> seen)
    {
        var pending = new Stack<string>();
        if (seen.Add(rootFacts.Identity))
        {
            pending.Push(root);
        }

        while (pending.TryPop(out var folder))
        {
            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new Problem(ProblemCodes.FileUnreadable, folder, "$", null, null, $"the folder cannot be read: {e.Message}"));
                continue;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                var entry = entries[i];
                var isJson = entry.EndsWith(".json", StringComparison.Ordinal);
                var facts = FileProbe.Probe(entry);
                switch (facts.Kind)
                {
                    case FileKind.Folder:
                        if (seen.Add(facts.Identity))
                        {
                            pending.Push(entry);
                        }

                        break;
                    case FileKind.Regular:
                        if (isJson && seen.Add(facts.Identity))
                        {
                            files.Add(entry);
                        }

                        break;
                    default:
                        if (isJson && Refusal(entry, facts.Kind, asFile: false) is { } refused)
                        {
                            problems.Add(refused);
                        }

                        break;
                }
            }
        }
    }

    private static Problem? Refusal(string path, FileKind kind, bool asFile) => kind switch
    {
        FileKind.Regular => null,
        FileKind.Folder when asFile => new Problem(ProblemCodes.NotARegularFile, path, "$", null, null, "this is a folder; a file is expected here"),
        FileKind.Folder => null,
        FileKind.Missing => new Problem(ProblemCodes.FileUnreadable, path, "$", null, null, asFile ? "no such file" : "no such file or folder"),
        FileKind.DanglingLink => new Problem(ProblemCodes.DanglingLink, path, "$", null, null, "the link points to nothing: its target does not exist"),
        FileKind.Special => new Problem(ProblemCodes.NotARegularFile, path, "$", null, null,
            "this is not a regular file (a FIFO, device or socket), so it is not read"),
        _ => Unreadable(path, "permission denied or the path cannot be examined"),
    };

    private static Problem Unreadable(string path, string why) =>
        new(ProblemCodes.FileUnreadable, path, "$", null, null, $"the file cannot be read: {Json.JNode.Shorten(why)}");

    private static string Size(int bytes) => bytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    /// <summary>Reads to the end, or stops as soon as more than <paramref name="maxBytes"/> bytes have come.</summary>
    private static bool TryReadCapped(Stream stream, int maxBytes, out byte[] bytes)
    {
        var limit = (int)Math.Min((long)maxBytes + 1, Array.MaxLength); // one byte past the cap tells "too large"
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit, ChunkBytes));
        var length = 0;
        try
        {
            while (true)
            {
                var room = Math.Min(buffer.Length, limit);
                if (length == room)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit, buffer.Length * 2L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    room = Math.Min(buffer.Length, limit);
                }

                var read = stream.Read(buffer, length, room - length);
                if (read == 0)
                {
                    bytes = buffer.AsSpan(0, length).ToArray();
                    return true;
                }

                length += read;
                if (length > maxBytes)
                {
                    bytes = [];
                    return false;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks the encoding: at most one UTF-8 byte order mark, no UTF-16 or UTF-32, and valid UTF-8 throughout.</summary>
    private static bool TryCheckUtf8(ReadOnlySpan<byte> bytes, string name, out int start, [NotNullWhen(false)] out Problem? problem)
    {
        start = 0;
        problem = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            problem = new Problem(ProblemCodes.MalformedJson, name, "$", 1, 1, "the text is UTF-16 or UTF-32 (it starts with such a byte order mark); save it as UTF-8");
            return false;
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            start = 3;
            if (bytes[3..].StartsWith("\uFEFF"u8))
            {
                problem = new Problem(ProblemCodes.MalformedJson, name, "$", 1, 1, "the text starts with two byte order marks; at most one is allowed");
                return false;
            }
        }

        var text = bytes[start..];
        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return true;
        }

        var (line, column, offset) = (1, 1, 0);
        while (offset < text.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(text[offset..], out var rune, out var consumed) != OperationStatus.Done)
            {
                break;
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
            offset += consumed;
        }

        problem = new Problem(ProblemCodes.MalformedJson, name, "$", line, column,
            string.Create(CultureInfo.InvariantCulture, $"the text is not valid UTF-8 (byte {start + offset:N0} cannot be decoded)"));
        return false;
    }
}
