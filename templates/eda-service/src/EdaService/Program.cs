using EdaService;

var builder = Host.CreateApplicationBuilder(args);
builder.AddApplicationServices();
await builder.Build().RunAsync();
