using Microsoft.Win32.SafeHandles;

namespace PolicyModel.Inputs;

/// <summary>
/// A forward-only, read-only stream over an open file handle (<see cref="RandomAccess"/> reads). The library opens
/// files only to read them, so it has no use for a writable <c>FileStream</c>.
/// </summary>
internal sealed class ReadOnlyFileStream(SafeFileHandle handle) : Stream
{
    private long position;

    public override bool CanRead => !handle.IsClosed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = RandomAccess.Read(handle, buffer, position);
        position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            handle.Dispose();
        }

        base.Dispose(disposing);
    }
}
