namespace HiTech.Web.Demo;

/// <summary>
/// The demo's needs, introductions and partnerships, one at each stage, so that every page of the collaboration
/// platform has something to show on first start: for the lab (<see cref="DemoProviders.LabId"/>) two requests waiting
/// (one overdue and reminded), one accepted with messages, one declined with a reason, an active testing service whose
/// 30-day follow-up is due, and a completed one with its outcome and both sides' ratings (six requests: enough for its
/// responsiveness figures to show); elsewhere one expired and one escalated to the partnerships officer.
/// Dates are relative to the clock, so the stages hold whenever the demo is seeded.
/// </summary>
public static class DemoCollaboration
{
    /// <summary>An enterprise of the demo that posts needs: its organisation, district and the account that speaks for it.</summary>
    public sealed record Poster(Guid Organisation, string District, Guid User);

    /// <summary>
    /// The needs, introductions, messages, partnerships, follow-ups and ratings; <paramref name="owner"/> is the demo
    /// owner's enterprise, <paramref name="others"/> at least one other demo enterprise (the first three are used).
    /// </summary>
    public static void Add(AppDbContext db, Poster owner, IReadOnlyList<Poster> others, Guid labUser, IReadOnlyList<Provider> providers, DateTimeOffset now)
    {
        var a = others[0];
        var b = others[Math.Min(1, others.Count - 1)];
        var c = others[Math.Min(2, others.Count - 1)];
        var lab = DemoProviders.LabId;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seeds = new Seeds(db, now);

        // Waiting for the lab: one fresh, one past its three working days and reminded.
        seeds.Introduce(seeds.Need(1, a, "Ageing and hardness tests for moulded rubber seals", "2219", 2), lab, a.User, IntroductionStatus.Sent, sentDaysAgo: 1);
        var overdue = seeds.Introduce(seeds.Need(2, b, "BIS tests for examination gloves made from natural latex", "22191", 12), lab, b.User, IntroductionStatus.Sent, sentDaysAgo: 9);
        overdue.RemindedAt = now.AddDays(-3);

        // Accepted, with messages: the private details are open to the lab.
        var accepted = seeds.Introduce(seeds.Need(3, c, "Compression set tests for EPDM gaskets", "2219", 20), lab, c.User, IntroductionStatus.Accepted, sentDaysAgo: 20, answeredBy: labUser);
        seeds.Message(accepted, c.User, IntroductionSide.Enterprise, "Thank you. We can send samples next week: how many specimens do you need per compound?", 18);
        seeds.Message(accepted, labUser, IntroductionSide.Provider, "Five specimens per compound, moulded buttons to IS 3400 part 10. Results within seven working days of receipt.", 17);
        seeds.Message(accepted, c.User, IntroductionSide.Enterprise, "Samples sent by courier today, three compounds.", 12);

        // Declined, with the reason the enterprise sees.
        var declined = seeds.Introduce(seeds.Need(4, a, "Carbon black dispersion analysis of tyre-tread compounds", "2211", 35), lab, a.User, IntroductionStatus.Declined, sentDaysAgo: 35, answeredBy: labUser);
        declined.DeclineReason = "Our dispersion analyser is out of service until next quarter; a rubber research centre can do this sooner.";

        // An active testing service whose 30-day follow-up is due (asked, not yet answered by either side).
        var ownerNeed = seeds.Need(5, owner, "Food-grade tests for the rubber rollers of our processing line", "2219", 50);
        var active = seeds.Partner(seeds.Introduce(ownerNeed, lab, owner.User, IntroductionStatus.Accepted, sentDaysAgo: 45, answeredBy: labUser), today.AddDays(-31), owner.User);
        active.Scope = "Migration and hardness tests of six roller compounds to IS 15851, with a report for the food safety audit.";
        active.Milestones.Add(new PartnershipMilestone { Id = Guid.NewGuid(), PartnershipId = active.Id, Title = "Samples received", DueOn = active.StartOn.AddDays(7), DoneOn = active.StartOn.AddDays(5) });
        active.Milestones.Add(new PartnershipMilestone { Id = Guid.NewGuid(), PartnershipId = active.Id, Title = "Test report issued", DueOn = active.StartOn.AddDays(45) });
        seeds.FollowUp(active, 30, IntroductionSide.Enterprise, asked: true);
        seeds.FollowUp(active, 30, IntroductionSide.Provider, asked: true);
        ownerNeed.Status = NeedStatus.Closed;
        ownerNeed.ClosedAt = now.AddDays(-31);

        // Completed, with its outcome, both follow-ups answered and both sides' ratings.
        var doneNeed = seeds.Need(6, b, "Type tests for BIS certification of rubber hoses", "2219", 160);
        var done = seeds.Partner(seeds.Introduce(doneNeed, lab, b.User, IntroductionStatus.Accepted, sentDaysAgo: 155, answeredBy: labUser), today.AddDays(-150), b.User);
        done.Scope = "Type tests of three hose grades for the BIS licence, with retests after changes to the compound.";
        done.Status = PartnershipStatus.Completed;
        done.EndedOn = today.AddDays(-40);
        done.CertificationObtained = "bis";
        done.ProductsLaunched = 1;
        done.JobsCreated = 4;
        done.OutcomeNote = "BIS licence granted for two hose grades; the third passes after a compound change.";
        foreach (var side in new[] { IntroductionSide.Enterprise, IntroductionSide.Provider })
        {
            seeds.FollowUp(done, 30, side, asked: true, answeredBy: side == IntroductionSide.Enterprise ? b.User : labUser, progress: "on-track");
            seeds.FollowUp(done, 90, side, asked: true, answeredBy: side == IntroductionSide.Enterprise ? b.User : labUser, progress: "completed");
            db.PartnershipRatings.Add(new PartnershipRating { PartnershipId = done.Id, Side = side, Stars = side == IntroductionSide.Enterprise ? 5 : 4, RatedAt = now.AddDays(-38) });
        }

        doneNeed.Status = NeedStatus.Closed;
        doneNeed.ClosedAt = now.AddDays(-150);

        // Elsewhere: one that expired unanswered (reminded, escalated) and one escalated to the officer now.
        var designer = providers.First(p => p.Kind == "design-engineering" && p.Status == ProviderStatus.Verified && p.Id != lab);
        var gcc = providers.First(p => p.Kind == "gcc" && p.Status == ProviderStatus.Verified);
        var expired = seeds.Introduce(seeds.Need(7, c, "Design of a fixture for drilling brake-lining plates", "2930", 40), designer.Id, c.User, IntroductionStatus.Expired, sentDaysAgo: 30);
        expired.RemindedAt = now.AddDays(-22);
        expired.EscalatedAt = now.AddDays(-18);
        var escalated = seeds.Introduce(seeds.Need(8, owner, "Advice on choosing a manufacturing execution system for two lines", "28", 16, "digital-transformation"), gcc.Id, owner.User, IntroductionStatus.Sent, sentDaysAgo: 14);
        escalated.RemindedAt = now.AddDays(-5);
        escalated.EscalatedAt = now.AddDays(-2);
    }

    /// <summary>Makes the rows, with stable ids so a demo database looks the same every time it is seeded.</summary>
    private sealed class Seeds(AppDbContext db, DateTimeOffset now)
    {
        public Need Need(int n, Poster poster, string summary, string nic, int postedDaysAgo, string helpKind = "testing-certification")
        {
            var need = new Need
            {
                Id = new Guid(n, 0, 0, [0x44, 0x45, 0x4d, 0x4f, 0x4e, 0x45, 0x45, 0x44]),
                OrganisationId = poster.Organisation,
                PostedBy = poster.User,
                HelpKind = helpKind,
                ProviderKinds = helpKind == "testing-certification" ? "tic-lab" : "",
                NicCode = nic,
                Stage = helpKind == "testing-certification" ? "testing-certification" : "",
                Certifications = helpKind == "testing-certification" ? "nabl" : "",
                District = poster.District,
                Summary = summary,
                PrivateDetails = "Demo: drawings, compound sheets and volumes are shared once an introduction is accepted.",
                PostedAt = now.AddDays(-postedDaysAgo),
                Deadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(60 - postedDaysAgo),
            };
            db.Needs.Add(need);
            return need;
        }

        public Introduction Introduce(Need need, Guid provider, Guid sender, IntroductionStatus status, int sentDaysAgo, Guid? answeredBy = null)
        {
            var sent = now.AddDays(-sentDaysAgo);
            var introduction = new Introduction
            {
                Id = Guid.NewGuid(),
                NeedId = need.Id,
                ProviderId = provider,
                OrganisationId = need.OrganisationId,
                SentBy = IntroductionSide.Enterprise,
                SentByUser = sender,
                Note = "Demo: we found you through the platform's matches and would like to discuss this need.",
                Status = status,
                SentAt = sent,
                DueAt = WorkingDays.Add(sent, provider == DemoProviders.LabId ? 3 : 5),
                AnsweredAt = answeredBy is null ? null : sent.AddDays(2),
                AnsweredBy = answeredBy,
            };
            db.Introductions.Add(introduction);
            return introduction;
        }

        public void Message(Introduction introduction, Guid sender, IntroductionSide side, string body, int daysAgo) =>
            db.IntroductionMessages.Add(new IntroductionMessage { Id = Guid.NewGuid(), IntroductionId = introduction.Id, SenderId = sender, Side = side, Body = body, SentAt = now.AddDays(-daysAgo) });

        public Partnership Partner(Introduction introduction, DateOnly start, Guid by)
        {
            var partnership = new Partnership
            {
                Id = Guid.NewGuid(),
                IntroductionId = introduction.Id,
                OrganisationId = introduction.OrganisationId,
                ProviderId = introduction.ProviderId,
                Model = "testing-service",
                StartOn = start,
                CreatedAt = now.AddDays(now.UtcDateTime.Date.Subtract(start.ToDateTime(TimeOnly.MinValue)).Days * -1),
                CreatedBy = by,
            };
            db.Partnerships.Add(partnership);
            return partnership;
        }

        public void FollowUp(Partnership partnership, int day, IntroductionSide side, bool asked, Guid? answeredBy = null, string progress = "")
        {
            var due = partnership.StartOn.AddDays(day);
            var dueAt = new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            db.PartnershipFollowUps.Add(new PartnershipFollowUp
            {
                Id = Guid.NewGuid(),
                PartnershipId = partnership.Id,
                Day = day,
                Side = side,
                DueOn = due,
                AskedAt = asked ? dueAt : null,
                AnsweredAt = answeredBy is null ? null : dueAt.AddDays(2),
                AnsweredBy = answeredBy,
                Progress = progress,
                Note = answeredBy is null ? "" : progress == "completed" ? "Certificate received." : "Tests running to plan.",
            });
        }
    }
}
