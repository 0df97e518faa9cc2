using System.Runtime.InteropServices;
using System.Text;

namespace PolicyModel.Inputs;

/// <summary>What a path names, found without opening it (so a FIFO is never opened for a blocking read).</summary>
internal enum FileKind
{
    /// <summary>Nothing at the path.</summary>
    Missing,

    /// <summary>A symbolic link whose target does not exist.</summary>
    DanglingLink,

    /// <summary>A regular file (through any links).</summary>
    Regular,

    /// <summary>A folder (through any links).</summary>
    Folder,

    /// <summary>A FIFO, device, socket or other file that is not regular.</summary>
    Special,

    /// <summary>The path cannot be examined (permission denied on a folder on the way, a name too long, …).</summary>
    Unreadable,
}

/// <summary>A path's kind, and its identity: the same for every path (link or not) that reaches the same file.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Identity">Device and inode where the platform gives them, otherwise the fully resolved path.</param>
internal readonly record struct FileFacts(FileKind Kind, string Identity);

/// <summary>
/// Looks at a path without opening it. On Linux the kernel's <c>statx</c> gives the file type (regular, folder, FIFO,
/// device, socket) and the device and inode that identify a file reached through several links. Elsewhere the .NET
/// file-system API tells regular files from folders, and a file's identity is its resolved path.
/// </summary>
internal static class FileProbe
{
    private const int AtCurrentFolder = -100;
    private const uint StatxTypeAndIno = 0x001 | 0x100; // STATX_TYPE | STATX_INO
    private const int TypeMask = 0xF000;
    private const int TypeRegular = 0x8000;
    private const int TypeFolder = 0x4000;
    private const int NoSuchFile = 2; // ENOENT
    private const int NotAFolder = 20; // ENOTDIR

    private static bool statxMissing = !OperatingSystem.IsLinux();

    public static FileFacts Probe(string path)
    {
        if (!statxMissing)
        {
            try
            {
                return ProbeLinux(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                statxMissing = true; // an old C library: fall back to the portable probe
            }
        }

        return ProbePortable(path);
    }

    private static FileFacts ProbeLinux(string path)
    {
        var buffer = new byte[256];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        if (NativeMethods.statx(AtCurrentFolder, name, 0, StatxTypeAndIno, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is NoSuchFile or NotAFolder)
            {
                return new FileFacts(IsLink(path) ? FileKind.DanglingLink : FileKind.Missing, path);
            }

            return new FileFacts(FileKind.Unreadable, path);
        }

        var mode = BitConverter.ToUInt16(buffer, 28);
        var inode = BitConverter.ToUInt64(buffer, 32);
        var deviceMajor = BitConverter.ToUInt32(buffer, 136);
        var deviceMinor = BitConverter.ToUInt32(buffer, 140);
        var kind = (mode & TypeMask) switch
        {
            TypeRegular => FileKind.Regular,
            TypeFolder => FileKind.Folder,
            _ => FileKind.Special,
        };
        return new FileFacts(kind, $"{deviceMajor}:{deviceMinor}:{inode}");
    }

    private static FileFacts ProbePortable(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                return new FileFacts(FileKind.Folder, Resolve(new DirectoryInfo(path)));
            }

            if (File.Exists(path))
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false })
                {
                    return new FileFacts(FileKind.DanglingLink, path);
                }

                return new FileFacts((info.Attributes & FileAttributes.Device) != 0 ? FileKind.Special : FileKind.Regular, Resolve(info));
            }

            return new FileFacts(IsLink(path) ? FileKind.DanglingLink : FileKind.Missing, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileFacts(FileKind.Unreadable, path);
        }
    }

    private static string Resolve(FileSystemInfo info) =>
        Path.GetFullPath(info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName);

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        // statx(2): int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf). The
        // struct's layout is the same on every Linux architecture; stx_mode is at byte 28, stx_ino at 32,
        // stx_dev_major and stx_dev_minor at 136 and 140.
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SA1300, IDE1006 // the C library's own name
        internal static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
#pragma warning restore SA1300, IDE1006
    }
}
