using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP proxy in front of the database server that can go down as a server does: while down, new connections are
/// refused (nothing listens on its port) and every open one has been reset. The service's real driver then fails the
/// way it fails in an outage (connection refused, connection reset), which no injected exception would prove.
/// </summary>
internal sealed class OutageProxy : IAsyncDisposable
{
    private readonly IPEndPoint _server;
    private readonly ConcurrentDictionary<Guid, (Socket Client, Socket Server)> _connections = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private Socket? _listener;

    private OutageProxy(IPEndPoint server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString { get; private init; } = "";

    public bool IsDown { get; private set; }

    /// <summary>A proxy on a free loopback port for the server of <paramref name="connectionString"/>.</summary>
    public static async Task<OutageProxy> StartAsync(string connectionString)
    {
        var (host, port) = DatabaseServer.Endpoint(connectionString);
        var addresses = await Dns.GetHostAddressesAsync(host);
        var server = new IPEndPoint(addresses.First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var proxyPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new OutageProxy(server, proxyPort)
        {
            ConnectionString = DatabaseServer.WithEndpoint(connectionString, "127.0.0.1", proxyPort),
        };
        proxy.Listen();
        return proxy;
    }

    /// <summary>Stops listening (connection refused) and resets every open connection.</summary>
    public void GoDown()
    {
        lock (_lock)
        {
            IsDown = true;
            _listener?.Dispose();
            _listener = null;
        }

        foreach (var (id, (client, server)) in _connections)
        {
            Reset(client);
            Reset(server);
            _connections.TryRemove(id, out _);
        }
    }

    public void ComeBack()
    {
        lock (_lock)
        {
            IsDown = false;
        }

        Listen();
    }

    private void Listen()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, Port));
        listener.Listen(128);
        lock (_lock)
        {
            _listener = listener;
        }

        _ = AcceptAsync(listener);
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (!_disposed.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_disposed.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var id = Guid.NewGuid();
        try
        {
            await server.ConnectAsync(_server, _disposed.Token);
            _connections[id] = (client, server);
            if (IsDown)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _connections.TryRemove(id, out _);
            Reset(client);
            Reset(server);
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _disposed.Token);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _disposed.Token);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    /// <summary>Closes with a reset (linger 0), as a connection to a server that died ends.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(enable: true, seconds: 0);
            socket.Close();
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        GoDown();
        _disposed.Dispose();
        return ValueTask.CompletedTask;
    }
}
