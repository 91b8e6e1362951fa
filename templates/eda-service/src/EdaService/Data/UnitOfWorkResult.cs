namespace EdaService.Data;

/// <summary>What a unit of work did, so a handler logs and reports only what really happened.</summary>
public enum UnitOfWorkResult
{
    /// <summary>The work ran and everything it changed and sent committed.</summary>
    Committed,

    /// <summary>The message was a duplicate (idempotency): the work did not run, nothing was saved or sent.</summary>
    AlreadyProcessed,
}
