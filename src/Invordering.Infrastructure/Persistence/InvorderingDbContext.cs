using System.Text;
using Invordering.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Persistence;

/// <summary>The service's database. Bulk paths use COPY and SQL; this serves reads and small writes.</summary>
public sealed class InvorderingDbContext(DbContextOptions<InvorderingDbContext> options) : DbContext(options)
{
    public DbSet<Debtor> Debtors => Set<Debtor>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentHistoryEntry> PaymentHistory => Set<PaymentHistoryEntry>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();
    public DbSet<CollectionCase> CollectionCases => Set<CollectionCase>();
    public DbSet<CaseCost> CaseCosts => Set<CaseCost>();
    public DbSet<CostTariffRecord> CostTariffs => Set<CostTariffRecord>();
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<JournalRecord> Journal => Set<JournalRecord>();
    public DbSet<WorkflowIncident> WorkflowIncidents => Set<WorkflowIncident>();
    public DbSet<MessageIncident> MessageIncidents => Set<MessageIncident>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<FieldTask> FieldTasks => Set<FieldTask>();
    public DbSet<SeizureOrder> SeizureOrders => Set<SeizureOrder>();
    public DbSet<PaymentPlan> PaymentPlans => Set<PaymentPlan>();
    public DbSet<PaymentPlanInstalment> PaymentPlanInstalments => Set<PaymentPlanInstalment>();
    public DbSet<RemissionRequest> RemissionRequests => Set<RemissionRequest>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<LetterTemplateRecord> LetterTemplates => Set<LetterTemplateRecord>();
    public DbSet<PrintRun> PrintRuns => Set<PrintRun>();
    public DbSet<PrintRunLetter> PrintRunLetters => Set<PrintRunLetter>();
    public DbSet<SegmentationRuleSetRecord> SegmentationRuleSets => Set<SegmentationRuleSetRecord>();
    public DbSet<DebtorFactsRecord> DebtorFacts => Set<DebtorFactsRecord>();
    public DbSet<DebtorSegmentRecord> DebtorSegments => Set<DebtorSegmentRecord>();
    public DbSet<DebtorSegmentOverride> DebtorSegmentOverrides => Set<DebtorSegmentOverride>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Assessment>().Ignore(a => a.OpenCents);
        model.Entity<PaymentHistoryEntry>().ToTable("payment_history");
        model.Entity<ImportRejection>().HasKey(r => new { r.BatchId, r.Line, r.ColumnName, r.Code });
        model.Entity<CostTariffRecord>().ToTable("cost_tariffs").HasKey(t => t.ValidFrom);
        model.Entity<CaseCost>().ToTable("case_costs");
        model.Entity<WorkflowDefinitionRecord>().ToTable("workflow_definitions")
            .Property(d => d.Definition).HasColumnType("jsonb");
        model.Entity<WorkflowInstanceRecord>().ToTable("workflow_instances", t => { })
            .Property(i => i.State).HasColumnType("jsonb");
        model.Entity<WorkflowInstanceRecord>().Property(i => i.RowVersion).IsConcurrencyToken();
        model.Entity<JournalRecord>().ToTable("workflow_journal").Property(j => j.Data).HasColumnType("jsonb");
        model.Entity<WorkflowIncident>().ToTable("workflow_incidents");
        model.Entity<MessageIncident>().ToTable("message_incidents").HasKey(m => m.MessageId);
        model.Entity<Letter>().Property(l => l.Data).HasColumnType("jsonb");
        model.Entity<FieldTask>().ToTable("field_tasks");
        model.Entity<PaymentPlanInstalment>().HasKey(i => new { i.PlanId, i.Sequence });
        model.Entity<OutboxMessage>().HasKey(o => o.Sequence);
        model.Entity<OutboxMessage>().Property(o => o.Body).HasColumnType("jsonb");
        model.Entity<InboxMessage>().HasKey(i => new { i.MessageId, i.Consumer });
        model.Entity<AuditEntry>().ToTable("audit_log").Property(a => a.Details).HasColumnType("jsonb");
        model.Entity<LetterTemplateRecord>().ToTable("letter_templates");
        model.Entity<PrintRun>().ToTable("print_runs");
        model.Entity<PrintRunLetter>().ToTable("print_run_letters").HasKey(l => new { l.RunId, l.LetterId });
        model.Entity<SegmentationRuleSetRecord>().ToTable("segmentation_rule_sets").Property(r => r.Definition).HasColumnType("jsonb");
        model.Entity<DebtorFactsRecord>().ToTable("debtor_facts").HasKey(f => f.DebtorId);
        model.Entity<DebtorSegmentRecord>().ToTable("debtor_segments").HasKey(s => new { s.DebtorId, s.Id });
        model.Entity<DebtorSegmentOverride>().ToTable("debtor_segment_overrides");

        foreach (var entity in model.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && !table.Contains('_') && table.Any(char.IsUpper))
                entity.SetTableName(SnakeCase(table));
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
        }
    }

    /// <summary>PascalCase to snake_case, the naming of the SQL schema.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
