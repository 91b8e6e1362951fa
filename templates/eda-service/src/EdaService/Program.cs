using EdaService;
using EdaService.Operations;

var builder = Host.CreateApplicationBuilder(args);
if (args is [ErrorQueueReplay.Command, ..])
{
    return await ErrorQueueReplay.RunAsync(builder);
}

builder.AddApplicationServices();
await builder.Build().RunAsync();
return 0;
