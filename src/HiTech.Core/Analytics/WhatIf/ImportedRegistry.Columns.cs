using HiTech.Core.Scoring;

namespace HiTech.Core.Analytics.WhatIf;

public sealed partial class ImportedRegistry
{
    /// <summary>
    /// The used rows in columns, row r's inputs at [r x Inputs, (r + 1) x Inputs) and its activities at
    /// [FirstActivity[r], FirstActivity[r + 1]): flat arrays of numbers, so a million rows are a few arrays to the
    /// garbage collector and a few block copies to a file.
    /// </summary>
    private sealed class Columns(int inputs, int setsPerRow)
    {
        public int Inputs { get; } = inputs;

        public int SetsPerRow { get; } = setsPerRow;

        public int Count { get; set; }

        public int Activities { get; set; }

        public double[] Values { get; set; } = [];

        public ulong[] SetBits { get; set; } = [];

        public ulong[] Missing { get; set; } = [];

        public short[] District { get; set; } = [];

        public short[] Sector { get; set; } = [];

        public byte[] Size { get; set; } = [];

        public int[] FirstActivity { get; set; } = [0];

        public int[] Code { get; set; } = [];

        public double[] Share { get; set; } = [];

        public ulong[] Stages { get; set; } = [];

        public void Add(ImportRow row, int district, int sector, int size, KeyIndex codes)
        {
            GrowRows(Count + 1);
            GrowActivities(Activities + row.Codes.Length);
            row.Values.CopyTo(Values, Count * Inputs);
            row.Sets.AsSpan(0, SetsPerRow).CopyTo(SetBits.AsSpan(Count * SetsPerRow));
            Missing[Count] = row.Missing;
            District[Count] = checked((short)district);
            Sector[Count] = checked((short)sector);
            Size[Count] = checked((byte)size);
            for (var a = 0; a < row.Codes.Length; a++)
            {
                Code[Activities] = codes.Of(row.Codes[a]);
                Share[Activities] = row.Shares[a];
                Stages[Activities] = row.Stages[a];
                Activities++;
            }

            Count++;
            FirstActivity[Count] = Activities;
        }

        /// <summary>Puts row r into a workspace of the framework it was read under (or one that reads rows alike).</summary>
        public void Load(int r, ScoringWorkspace workspace, ActivityFacts[] activities)
        {
            workspace.Clear();
            Array.Copy(Values, r * Inputs, workspace.Values, 0, Inputs);
            Array.Copy(SetBits, r * SetsPerRow, workspace.Sets, 0, SetsPerRow);
            workspace.Missing = Missing[r];
            for (var a = FirstActivity[r]; a < FirstActivity[r + 1]; a++)
            {
                workspace.AddActivity(activities[Code[a]], Share[a], Stages[a]);
            }
        }

        /// <summary>The arrays cut to what is used, ready to be written.</summary>
        public void Trim()
        {
            Values = Values[..(Count * Inputs)];
            SetBits = SetBits[..(Count * SetsPerRow)];
            Missing = Missing[..Count];
            District = District[..Count];
            Sector = Sector[..Count];
            Size = Size[..Count];
            FirstActivity = FirstActivity[..(Count + 1)];
            Code = Code[..Activities];
            Share = Share[..Activities];
            Stages = Stages[..Activities];
        }

        private void GrowRows(int rows)
        {
            if (rows <= Missing.Length)
            {
                return;
            }

            var capacity = Math.Max(rows, Math.Max(1024, Missing.Length * 2));
            Values = Resized(Values, capacity * Inputs);
            SetBits = Resized(SetBits, capacity * SetsPerRow);
            Missing = Resized(Missing, capacity);
            District = Resized(District, capacity);
            Sector = Resized(Sector, capacity);
            Size = Resized(Size, capacity);
            FirstActivity = Resized(FirstActivity, capacity + 1);
        }

        private void GrowActivities(int activities)
        {
            if (activities <= Code.Length)
            {
                return;
            }

            var capacity = Math.Max(activities, Math.Max(2048, Code.Length * 2));
            Code = Resized(Code, capacity);
            Share = Resized(Share, capacity);
            Stages = Resized(Stages, capacity);
        }

        private static T[] Resized<T>(T[] array, int length)
        {
            Array.Resize(ref array, length);
            return array;
        }
    }
}
