using EdaService;
using EdaService.Operations;

var builder = Host.CreateApplicationBuilder(args);
if (args is [ErrorQueueReplay.Command, ..])
{
    return await ErrorQueueReplay.RunAsync(builder);
}

if (args is [SampleOrders.Command, ..])
{
    return await SampleOrders.RunAsync(builder, args);
}

builder.AddApplicationServices();
await builder.Build().RunAsync();
return 0;
