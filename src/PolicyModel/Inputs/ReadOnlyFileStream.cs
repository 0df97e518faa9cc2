using Microsoft.Win32.SafeHandles;

namespace PolicyModel.Inputs;

/// <summary>
/// A forward-only, read-only stream over an open file handle (<see cref="RandomAccess"/> reads). The library opens
/// files only to read them, so it has no use for a writable <c>FileStream</c>.
/// </summary>
internal sealed class ReadOnlyFileStream(SafeFileHandle handle) : ForwardReadOnlyStream
{
    private long position;

    public override bool CanRead => !handle.IsClosed;

    protected override long Consumed => position;

    public override int Read(Span<byte> buffer)
    {
        var read = RandomAccess.Read(handle, buffer, position);
        position += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            handle.Dispose();
        }

        base.Dispose(disposing);
    }
}
