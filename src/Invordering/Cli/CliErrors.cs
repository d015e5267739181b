using System.Net.Sockets;
using Invordering.Infrastructure;
using Npgsql;

namespace Invordering.Cli;

/// <summary>Turns a failure into the one clear line a command prints on stderr.</summary>
public static class CliErrors
{
    public static string Describe(Exception ex) => ex switch
    {
        ConfigurationException c => c.Message,
        PostgresException { SqlState: "28P01" or "28000" } p =>
            $"De database weigert de aanmelding: gebruikersnaam of wachtwoord in ConnectionStrings__Invordering klopt niet ({p.MessageText}).",
        PostgresException { SqlState: "3D000" } p => $"De database bestaat niet: {p.MessageText}. Maak haar aan of pas ConnectionStrings__Invordering aan.",
        NpgsqlException { InnerException: SocketException or TimeoutException } n =>
            $"De database is niet bereikbaar ({n.InnerException!.Message}). Controleer of PostgreSQL draait en ConnectionStrings__Invordering klopt.",
        NpgsqlException { InnerException: IOException or EndOfStreamException } =>
            "De database is niet bereikbaar. Controleer of PostgreSQL draait en ConnectionStrings__Invordering klopt.",
        PostgresException p => $"De database gaf een fout: {p.SqlState} {p.MessageText}",
        TimeoutException t => t.Message,
        Invordering.Domain.Imports.FileRejectedException f => f.Message,
        Invordering.Infrastructure.Cases.CaseActionException a => a.Message,
        FileNotFoundException f => $"Bestand niet gevonden: {f.FileName}",
        DirectoryNotFoundException d => $"Map niet gevonden: {d.Message}",
        UnauthorizedAccessException u => $"Geen toegang: {u.Message}",
        CommandFailedException c => c.Message,
        Invordering.Infrastructure.Workflows.SimulationRefusedException s => s.Message,
        _ when ex.InnerException is { } inner && ex is AggregateException or InvalidOperationException && Describe(inner) is var d && !d.StartsWith("Onverwachte", StringComparison.Ordinal) => d,
        _ => $"Onverwachte fout ({ex.GetType().Name}): {ex.Message}",
    };
}

/// <summary>A command could not do its job; the message is for the person who ran it.</summary>
public sealed class CommandFailedException(string message) : Exception(message);
